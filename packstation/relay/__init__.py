"""packstation relay: the HTTPS server Picqer calls to create a shipment (custom shipping provider,
https://picqer.com/en/api/external-shipping-provider-integrations-technical).

It returns the label a packstation desk already booked at MyParcel for the picklist, or books one from Picqer's
data for Picqer's own web packing station. See README "Relay (Picqer shipments)".
"""
