"""Headless subcommands of the packstation command line."""
