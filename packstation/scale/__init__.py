"""Scale adapters: USB HID point-of-sale scales (hidapi), serial Toledo 8217 scales (pyserial), a virtual one.

Like printing/, this package knows nothing of the clients, the journal, the services or Qt: the weighing
service (services/weighing.py) reads them through the Scale port (services/ports.py).
"""
