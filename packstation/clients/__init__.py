"""HTTP clients for Picqer and MyParcel; they return domain types."""
