"""Shipping profiles: defaults per platform, option values, preselection, settings round-trip and junk."""

from __future__ import annotations

import copy

import pytest

from packstation.domain.options import validate
from packstation.domain.profiles import (
    OptionValueError,
    ShippingProfile,
    default_profiles,
    option_values_to_shipment_options,
    profile_for_picklist,
    profile_from_dict,
    profile_to_dict,
)
from packstation.domain.shipments import (
    Address,
    Carrier,
    DeliveryType,
    PackageType,
    Platform,
    ShipmentRequest,
)

MP, SMP = Platform.MYPARCEL, Platform.SENDMYPARCEL


def by_name(platform: Platform) -> dict[str, ShippingProfile]:
    return {p.name: p for p in default_profiles(platform)}


def test_default_profiles_cover_the_usual_ways_of_shipping() -> None:
    assert {
        "PostNL standaard",
        "PostNL handtekening",
        "PostNL brievenbuspakje",
        "PostNL verzekerd",
        "PostNL ophaalpunt",
    } <= set(by_name(MP))
    assert {"bpost standaard", "bpost handtekening", "DPD"} <= set(by_name(SMP))
    assert all(p.platform is MP for p in default_profiles(MP))
    assert all(p.platform is SMP for p in default_profiles(SMP))


@pytest.mark.parametrize("platform", [MP, SMP])
def test_every_default_profile_books_a_valid_home_shipment_with_its_defaults(platform: Platform) -> None:
    home = {
        MP: Address("NL", "Hoofddorp", "Antareslaan", "31", postal_code="2132JE", person="P"),
        SMP: Address("BE", "Antwerpen", "Meir", "1", postal_code="2000", person="P"),
    }[platform]
    for profile in default_profiles(platform):
        options = option_values_to_shipment_options(profile, {})
        if options.delivery_type is DeliveryType.PICKUP:
            continue  # needs the customer's pickup point; covered in test_mapping
        request = ShipmentRequest("P1", profile.carrier, home, options, 500)
        assert validate(request, platform) == (), profile.name


def test_signature_profile_defaults_and_packer_choice() -> None:
    profile = by_name(MP)["PostNL handtekening"]
    assert option_values_to_shipment_options(profile, {}).signature is True
    assert option_values_to_shipment_options(profile, {"signature": "0"}).signature is False


def test_values_map_to_shipment_options() -> None:
    profile = by_name(MP)["PostNL standaard"]
    options = option_values_to_shipment_options(
        profile,
        {
            "signature": "1",
            "only_recipient": "1",
            "return": "1",
            "age_check": "1",
            "large_format": "1",
            "insurance": "250",
            "label_description": "Bestelling 77",
        },
    )
    assert (
        options.signature,
        options.only_recipient,
        options.return_to_sender,
        options.age_check,
        options.large_format,
    ) == (True, True, True, True, True)
    assert options.insurance_cents == 25000 and options.label_description == "Bestelling 77"
    assert options.package_type is PackageType.PACKAGE


def test_mailbox_and_pickup_profiles_carry_their_fixed_options() -> None:
    assert option_values_to_shipment_options(by_name(MP)["PostNL brievenbuspakje"], {}).package_type is (
        PackageType.MAILBOX
    )
    pickup = option_values_to_shipment_options(by_name(SMP)["bpost afhaalpunt"], {})
    assert pickup.delivery_type is DeliveryType.PICKUP and pickup.signature


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"insurance": "750"}, "option_value_unknown"),
        ({"signature": "maybe"}, "option_value_unknown"),
        ({"label_description": "x" * 46}, "option_text_too_long"),
        ({"colour": "red"}, "option_unknown"),
    ],
)
def test_bad_values_are_refused_clearly(values: dict, code: str) -> None:
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(by_name(MP)["PostNL standaard"], values)
    assert code in {v.code for v in caught.value.violations}
    assert str(caught.value)


def text_profile() -> ShippingProfile:
    return profile_from_dict(
        {
            "name": "Handmatig verzekerd",
            "carrier": "postnl",
            "platform": "myparcel",
            "options": [
                {"key": "insurance", "label": "Verzekerd bedrag (EUR)", "type": "text", "required": True},
                {"key": "signature", "label": "Handtekening", "type": "text"},
            ],
        }
    )


def test_letters_in_a_number_field_are_refused() -> None:
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(text_profile(), {"insurance": "500 euro"})
    assert [v.code for v in caught.value.violations] == ["option_not_a_number"]
    assert option_values_to_shipment_options(text_profile(), {"insurance": "1000"}).insurance_cents == 100000


def test_missing_required_value_and_bad_yes_no_are_both_reported() -> None:
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(text_profile(), {"signature": "misschien"})
    assert {v.code for v in caught.value.violations} == {"option_required", "option_not_yes_no"}


def test_only_a_linked_profile_is_preselected() -> None:
    standard, signature, *_ = default_profiles(MP)
    linked = (
        standard,
        ShippingProfile(signature.name, signature.carrier, MP, options=signature.options, picqer_profile_ids=(77, 78)),
    )
    assert profile_for_picklist(linked, 78) is linked[1]
    assert profile_for_picklist(linked, 99) is None
    assert profile_for_picklist(linked, None) is None


@pytest.mark.parametrize("profile", [*default_profiles(MP), *default_profiles(SMP)], ids=lambda p: p.name)
def test_round_trip_through_settings(profile: ShippingProfile) -> None:
    data = profile_to_dict(profile)
    assert profile_from_dict(copy.deepcopy(data)) == profile
    assert profile_to_dict(profile_from_dict(data)) == data


def test_hand_written_profile_with_numbers_and_names_is_read() -> None:
    profile = profile_from_dict(
        {
            "name": " bpost verzekerd ",
            "carrier": 2,
            "platform": "belgie",
            "package_type": 1,
            "options": [
                {
                    "key": "insurance",
                    "label": "Verzekering",
                    "type": "list",
                    "possible_values": [{"value": 0, "label": "Nee"}, {"value": 500, "label": "500"}],
                    "default_value": 500,
                }
            ],
            "defaults": {"signature": True, "delivery_type": "standard"},
            "picqer_profile_ids": [12],
        }
    )
    assert profile.name == "bpost verzekerd" and profile.carrier is Carrier.BPOST
    assert profile.defaults.signature and profile.defaults.delivery_type is DeliveryType.STANDARD
    assert option_values_to_shipment_options(profile, {}).insurance_cents == 50000


GOOD = profile_to_dict(default_profiles(MP)[0])


def broken(**changes: object) -> dict:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("not a table", "must be a table"),
        (broken(name=""), "needs a name"),
        (broken(carrier="fedex"), "carrier 'fedex' is not known"),
        (broken(carrier="bpost"), "not available on platform myparcel"),
        (broken(platform="germany"), "platform"),
        (broken(package_type="crate"), "package type"),
        (broken(options="signature"), "options must be a list"),
        (broken(options=[{"key": "colour", "label": "Kleur", "type": "text"}]), "'colour' is not known"),
        (broken(options=[{"key": "signature", "label": "S", "type": "checkbox"}]), "must be 'list' or 'text'"),
        (broken(options=[{"key": "signature", "label": "S", "type": "list"}]), "needs possible_values"),
        (
            broken(
                options=[
                    {
                        "key": "signature",
                        "label": "S",
                        "possible_values": [{"value": "1", "label": "Ja"}],
                        "default_value": "2",
                    }
                ]
            ),
            "not one of the possible values",
        ),
        (broken(options=[{"key": "signature", "label": "S", "type": "text"}] * 2), "appears twice"),
        (broken(options=[{"key": "signature", "label": "S", "type": "text", "required": "yes"}]), "true or false"),
        (broken(defaults={"colour": 1}), "default 'colour' is not known"),
        (broken(defaults={"insurance_cents": "veel"}), "whole number of cents"),
        (broken(defaults={"delivery_type": 9}), "delivery type"),
        (broken(picqer_profile_ids=["12"]), "picqer_profile_ids"),
        (broken(picqer_profile_ids=[True]), "picqer_profile_ids"),
    ],
)
def test_junk_in_settings_raises_a_clear_value_error(data: object, words: str) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        profile_from_dict(data)
    assert words in str(caught.value)


def test_the_shipped_options_are_marked_as_packstations_own_words_through_a_settings_round_trip() -> None:
    profile = by_name(MP)["PostNL verzekerd"]
    again = profile_from_dict(profile_to_dict(profile))
    assert all(o.shipped_label and o.shipped_description for o in again.options)
    assert all(v.shipped for o in again.options for v in o.possible_values)


def test_a_label_an_earlier_version_saved_becomes_todays_shipped_label_at_load() -> None:
    data = profile_to_dict(by_name(MP)["PostNL standaard"])
    data["options"][0]["label"] = "Signature"  # what the settings dialog saved before
    data["options"][1]["label"] = "Only at the recipient's address"  # the default profiles before
    options = profile_from_dict(data).options
    assert [(o.label, o.shipped_label) for o in options[:2]] == [
        ("Signature on delivery", True),
        ("Only recipient", True),
    ]
    # Saved again, the file holds today's words.
    assert [o["label"] for o in profile_to_dict(profile_from_dict(data))["options"][:2]] == [
        "Signature on delivery",
        "Only recipient",
    ]


def test_an_admins_own_label_and_choices_are_kept_as_written() -> None:
    data = profile_to_dict(by_name(MP)["PostNL standaard"])
    data["options"][0]["label"] = "Handtekening (alleen zakelijk)"
    data["options"][0]["possible_values"] = [{"value": "0", "label": "Nee"}, {"value": "1", "label": "Ja"}]
    signature = profile_from_dict(data).options[0]
    assert (signature.label, signature.shipped_label) == ("Handtekening (alleen zakelijk)", False)
    assert not any(v.shipped for v in signature.possible_values)
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(profile_from_dict(data), {"signature": "misschien"})
    # The admin's label travels in the violation; a shipped one is named by its key only.
    assert dict(caught.value.violations[0].params)["label"] == "Handtekening (alleen zakelijk)"
    with pytest.raises(OptionValueError) as caught:
        option_values_to_shipment_options(by_name(MP)["PostNL standaard"], {"signature": "misschien"})
    assert "label" not in dict(caught.value.violations[0].params)
