"""Pure rules and value types: standard library only, no I/O, no clock reads."""
