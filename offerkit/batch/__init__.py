"""Batch building: a roster in, one personalised executed workbook per participant out."""
