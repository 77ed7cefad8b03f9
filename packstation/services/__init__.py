"""Use cases written against the Protocols in ports.py."""
