"""Delivery: turn rendered pages into files people print or send (PDF through Chromium)."""
