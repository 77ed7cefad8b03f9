"""Reusable widgets: scan field, options form, label preview."""
