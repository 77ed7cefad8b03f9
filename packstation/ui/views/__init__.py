"""Widgets built in code: layout and styling only."""
