"""The lesson's rules: pure modules, one per topic (no widgets, IPython, matplotlib or writes)."""
