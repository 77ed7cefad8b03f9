"""packstation relay: the HTTPS server Picqer calls to create a shipment (custom shipping provider, seed 000).

It returns the label a packstation desk already booked at MyParcel for the picklist, or books one from Picqer's
data for Picqer's own web packing station. See README "Relay (Picqer shipments)".
"""
