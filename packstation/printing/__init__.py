"""Labels to printers: PDF to ZPL, transports, print queue."""
