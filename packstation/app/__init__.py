"""The composition root, in three parts: wiring (build the context), gui (the window), selftest (headless check).

Only this package builds concrete clients, printers, the journal and the scale; the CLI, the tests and the benches
import what they need from here.
"""

from packstation.app.accounts import (
    check_myparcel_account,
    check_picqer_account,
    find_printers,
    load_picqer_order_fields,
    load_picqer_packing_stations,
    load_picqer_shipping_profiles,
    load_picqer_warehouses,
    print_test_label,
)
from packstation.app.gui import GuiStation, leave_without_finalizing, remember_language, run_gui, warm_up_printing
from packstation.app.selftest import self_test
from packstation.app.wiring import (
    DATA_DIR_ENV,
    DEMO_PROFILE_LINKS,
    DEMO_RELAY_PROFILE_ID,
    AppContext,
    build_context,
    build_printers,
    build_scale,
    connect_demo_relay,
    data_dir,
    demo_profiles,
    demo_settings,
    load_profiles,
    open_context,
    use_demo_data_dir,
)

__all__ = [
    "DATA_DIR_ENV",
    "DEMO_PROFILE_LINKS",
    "DEMO_RELAY_PROFILE_ID",
    "AppContext",
    "GuiStation",
    "build_context",
    "build_printers",
    "build_scale",
    "check_myparcel_account",
    "check_picqer_account",
    "connect_demo_relay",
    "data_dir",
    "demo_profiles",
    "demo_settings",
    "find_printers",
    "leave_without_finalizing",
    "load_picqer_order_fields",
    "load_picqer_packing_stations",
    "load_picqer_shipping_profiles",
    "load_picqer_warehouses",
    "load_profiles",
    "open_context",
    "print_test_label",
    "remember_language",
    "run_gui",
    "self_test",
    "use_demo_data_dir",
    "warm_up_printing",
]
