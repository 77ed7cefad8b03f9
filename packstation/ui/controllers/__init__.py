"""Qt controllers: one QObject per workflow."""
