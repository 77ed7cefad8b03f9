"""HID POS scale reports and the USB scale adapter, on a fake hidapi module (the adapter's code runs unchanged).

Report bytes: the scale data report of the USB HID Point of Sale Usage Tables 1.02 (Weighing Devices, page
0x8D) - report id 3, Scale Status, Weight Unit, Data Scaling (signed), Data Weight (16-bit LE) - as read by
erjiang/usbscale (usbscale.c), and the DYMO M10/M25 captures published at
new.antradar.com/blog-dymo-usb-scale-interface-specs ("XX 02 00 14 00" = 20 g, "XX 0B FF 34 19" = 645.2 oz).
"""

from __future__ import annotations

import asyncio

import pytest

from packstation.domain.errors import ScaleDisconnected, ScaleError, ScaleNotFound
from packstation.domain.weighing import ScaleStatus, ZeroMethod
from packstation.scale.hid_pos import HidPosScale, find_scales, parse_scale_report
from tests.fakes.fake_hid import FakeHidModule, FakeHidScale, data_report

STABLE, ZERO, MOTION, UNDER_ZERO, OVER_WEIGHT = 4, 2, 3, 5, 6
GRAMS, KILOGRAMS, OUNCES, POUNDS = 2, 3, 11, 12


@pytest.mark.parametrize(
    ("report", "grams", "status"),
    [
        # antradar capture: 20 g on a DYMO M10 in gram mode (status byte not given there: stable).
        (bytes([3, STABLE, GRAMS, 0x00, 0x14, 0x00]), 20.0, ScaleStatus.STABLE),
        # antradar capture: 40 lb 5.2 oz = 645.2 oz, exponent -1 (0xFF), raw 6452 = 0x1934.
        (bytes([3, STABLE, OUNCES, 0xFF, 0x34, 0x19]), 18291.112, ScaleStatus.STABLE),
        # 1.234 kg with exponent -3 (0xFD): raw 1234.
        (bytes([3, STABLE, KILOGRAMS, 0xFD, 0xD2, 0x04]), 1234.0, ScaleStatus.STABLE),
        # 2.5 lb: exponent -1, raw 25.
        (bytes([3, STABLE, POUNDS, 0xFF, 25, 0]), 1133.981, ScaleStatus.STABLE),
        # 65535 g: the full 16 bits, little endian, unsigned.
        (bytes([3, STABLE, GRAMS, 0x00, 0xFF, 0xFF]), 65535.0, ScaleStatus.STABLE),
        # a positive exponent: 12 x 10^2 g.
        (bytes([3, STABLE, GRAMS, 0x02, 12, 0]), 1200.0, ScaleStatus.STABLE),
        # empty scale: stable at zero.
        (bytes([3, ZERO, GRAMS, 0x00, 0, 0]), 0.0, ScaleStatus.ZERO),
        # the scale sends the size of a negative weight with Under Zero: 35 g taken off after zeroing.
        (bytes([3, UNDER_ZERO, GRAMS, 0x00, 35, 0]), -35.0, ScaleStatus.UNDER_ZERO),
        # report id 4 with the same layout (accepted by usbscale too).
        (bytes([4, STABLE, GRAMS, 0x00, 0x14, 0x00]), 20.0, ScaleStatus.STABLE),
    ],
)
def test_a_data_report_becomes_grams_with_unit_and_exponent_applied(report, grams, status) -> None:
    reading = parse_scale_report(report)
    assert reading is not None
    assert reading.grams == pytest.approx(grams, abs=0.001)
    assert reading.status is status
    assert reading.stable is (status in (ScaleStatus.STABLE, ScaleStatus.ZERO))


@pytest.mark.parametrize(
    ("status_byte", "status"),
    [
        (1, ScaleStatus.FAULT),
        (3, ScaleStatus.MOTION),
        (5, ScaleStatus.UNDER_ZERO),
        (6, ScaleStatus.OVER_WEIGHT),
        (7, ScaleStatus.NEEDS_CALIBRATION),
        (8, ScaleStatus.NEEDS_ZEROING),
        (9, ScaleStatus.UNKNOWN),
    ],
)
def test_only_a_stable_reading_counts_as_a_weight(status_byte: int, status: ScaleStatus) -> None:
    reading = parse_scale_report(bytes([3, status_byte, GRAMS, 0, 0x14, 0x05]))
    assert reading is not None and reading.status is status
    assert not reading.stable


def test_an_unknown_unit_is_never_a_weight() -> None:
    reading = parse_scale_report(bytes([3, STABLE, 5, 0, 100, 0]))  # taels differ per region
    assert reading is not None and not reading.stable and reading.status is ScaleStatus.UNKNOWN


@pytest.mark.parametrize("report", [b"", bytes([3, 4, 2, 0, 1]), bytes([1, 4, 2, 0, 1, 0]), bytes([2, 2])])
def test_other_reports_and_short_ones_are_ignored(report: bytes) -> None:
    assert parse_scale_report(report) is None


def test_scales_are_found_by_usage_page_or_known_vendor_and_other_hid_devices_are_not() -> None:
    dymo = FakeHidScale()
    pos_scale = FakeHidScale(vendor_id=0x1234, product_id=0x1, path=b"/dev/hidraw5", manufacturer="Acme")
    mettler_without_page = FakeHidScale(
        vendor_id=0x0EB8, product_id=0xF000, path=b"/dev/hidraw6", manufacturer="", product="PS60", usage_page=0
    )
    keyboard = FakeHidScale(vendor_id=0x046D, product_id=0xC31C, path=b"/dev/hidraw0", usage_page=0x01)
    found = find_scales(FakeHidModule(dymo, pos_scale, mettler_without_page, keyboard))
    assert [s.path for s in found] == [b"/dev/hidraw3", b"/dev/hidraw5", b"/dev/hidraw6"]
    assert found[0].address == "0922:8003" and found[0].name == "DYMO M10 10 kg Digital Postal Scale"
    assert found[2].name == "Mettler Toledo PS60"


async def _next(readings, timeout: float = 2.0):
    return await asyncio.wait_for(anext(readings), timeout)


async def test_readings_come_through_hidapi_until_the_scale_is_unplugged() -> None:
    device = FakeHidScale(repeat_last=False)
    scale = HidPosScale(hid_module=FakeHidModule(device))
    await scale.open()
    assert scale.connected and scale.name.startswith("DYMO")
    device.send(data_report(MOTION, GRAMS, 0, 300), data_report(STABLE, GRAMS, 0, 412))
    readings = scale.readings()
    first, second = await _next(readings), await _next(readings)
    assert (first.stable, second.stable, second.grams) == (False, True, 412.0)
    device.unplug()
    with pytest.raises(ScaleDisconnected):
        await _next(readings)
    assert not scale.connected
    await scale.close()


async def test_a_scale_that_is_not_there_or_cannot_be_opened_is_not_found() -> None:
    with pytest.raises(ScaleNotFound, match="no USB scale"):
        await HidPosScale(hid_module=FakeHidModule()).open()
    with pytest.raises(ScaleNotFound, match="cannot be opened"):
        await HidPosScale(hid_module=FakeHidModule(FakeHidScale(opens=False))).open()


async def test_the_device_setting_chooses_the_scale_by_vid_pid_or_serial() -> None:
    first = FakeHidScale(serial="AAA")
    second = FakeHidScale(vendor_id=0x1446, product_id=0x6A73, path=b"/dev/hidraw9", serial="BBB")
    module = FakeHidModule(first, second)
    by_id = HidPosScale("1446:6a73", hid_module=module)
    await by_id.open()
    assert second.opened == 1 and first.opened == 0
    by_serial = HidPosScale("aaa", hid_module=module)
    await by_serial.open()
    assert first.opened == 1
    with pytest.raises(ScaleNotFound):
        await HidPosScale("0922:9999", hid_module=module).open()
    await by_id.close()
    await by_serial.close()


async def test_zero_sends_the_zero_scale_control_report() -> None:
    device = FakeHidScale()
    scale = HidPosScale(hid_module=FakeHidModule(device))
    await scale.open()
    assert await scale.zero() is ZeroMethod.SCALE
    assert device.written == [bytes([2, 0x02])]  # report 2 (Scale Control), bit 1 = Zero Scale
    await scale.close()


async def test_a_scale_that_refuses_the_zero_report_is_zeroed_in_software() -> None:
    device = FakeHidScale(accepts_zero=False, repeat_last=False)
    scale = HidPosScale(hid_module=FakeHidModule(device))
    readings = scale.readings()
    device.send(data_report(MOTION, GRAMS, 0, 90))
    await _next(readings)
    with pytest.raises(ScaleError, match="not stable"):
        await scale.zero()  # a moving weight is no zero
    device.send(data_report(STABLE, GRAMS, 0, 120))  # an empty box left on the scale
    await _next(readings)
    assert await scale.zero() is ZeroMethod.SOFTWARE
    device.send(data_report(STABLE, GRAMS, 0, 120), data_report(STABLE, GRAMS, 0, 620))
    emptied, parcel = await _next(readings), await _next(readings)
    assert (emptied.grams, emptied.status) == (0.0, ScaleStatus.ZERO)
    assert (parcel.grams, parcel.stable) == (500.0, True)
    await scale.close()


def test_the_real_hidapi_module_is_the_os_hid_stack_and_lists_without_a_scale() -> None:
    import sys

    from packstation.scale.hid_pos import default_hid_module

    module = default_hid_module()
    # Linux: the wheel's hidraw module (the kernel's usbhid keeps the device); elsewhere hid (hid.dll, IOHIDManager).
    assert module.__name__ == ("hidraw" if sys.platform.startswith("linux") else "hid")
    assert isinstance(find_scales(module), list)  # no scale on a CI machine: an empty list, not an error
