"""packstation: a packing-station app for Picqer warehouses shipping with MyParcel."""

__version__ = "0.1.0"
APP_NAME = "packstation"
