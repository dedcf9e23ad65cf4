"""The matcher that masks a requester's identity in public texts (foi.privacy.masking)."""

from types import SimpleNamespace

import pytest

from foi.privacy.masking import find, mask_text, publication_warning, requester_identifiers

NAME, EMAIL, PHONE = "[name withheld]", "[e-mail withheld]", "[phone withheld]"


def request_of(
    first="Zaur",
    last="Məmmədov",
    choice="pseudonym",
    public_name="Qaranquş",
    email="zaur.mammadov@mail.az",
    phone="+994 50 123 45 67",
    address="",
):
    requester = SimpleNamespace(
        first_name=first, last_name=last, email=email, phone=phone, postal_address=address
    )
    return SimpleNamespace(
        requester=requester, public_name_choice=choice, public_name=public_name, pseudonym=""
    )


@pytest.fixture
def zaur():
    return requester_identifiers(request_of())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hörmətli Zaur Məmmədov,", f"Hörmətli {NAME},"),
        ("Dear Mr Mammadov,", f"Dear Mr {NAME},"),
        ("Dear Mr Memmedov and Mr Mamedov", f"Dear Mr {NAME} and Mr {NAME}"),
        ("HÖRMƏTLİ ZAUR MƏMMƏDOV", f"HÖRMƏTLİ {NAME}"),
        ("hörmətli zaur məmmədov", f"hörmətli {NAME}"),
        ("Zaur bəy, cavabımız", f"{NAME} bəy, cavabımız"),
        ("Zaur'a cavab verildi", f"{NAME} cavab verildi"),
        ("Zaur’un sorğusu", f"{NAME} sorğusu"),
        ("Zaurun sorğusu", f"{NAME} sorğusu"),
        ("Zauradan", "Zauradan"),  # a to-the-name ending twice over is another word
        ("Məmmədovun ərizəsi", f"{NAME} ərizəsi"),
        ("Məmmədova xanım", f"{NAME} xanım"),
        ("Məmmədovanın", NAME),
        ("Mammadov's request", f"{NAME} request"),
        ("Уважаемый Заур Мамедов", f"Уважаемый {NAME}"),
        ("Z. Məmmədov", f"Z. {NAME}"),
    ],
)
def test_each_name_part_is_masked_whatever_its_case_spelling_or_ending(zaur, text, expected):
    assert mask_text(text, zaur) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zaurbekov and Məmmədli sent their comments.",  # other names that begin alike
        "Məmmədəliyev",
        "The restaurant at Nizami street",  # "zaur" inside no word of its own
        "Azaura",
        "The 2025 budget of 1 234 568 manat",
    ],
)
def test_no_false_positive_inside_other_words(zaur, text):
    assert mask_text(text, zaur) == text


def test_a_short_name_takes_only_case_endings():
    identifiers = requester_identifiers(request_of(first="Əli", last="Həsənov"))
    masked = mask_text("Hörmətli Əli müəllim, Əliyə", identifiers)
    assert masked == f"Hörmətli {NAME} müəllim, {NAME}"
    assert mask_text("Əliyev İlham, Alisa", identifiers) == "Əliyev İlham, Alisa"


def test_a_short_name_is_compared_as_written():
    identifiers = requester_identifiers(request_of(first="Əli", last="Həsənov"))
    assert mask_text("ƏLİ HƏSƏNOV", identifiers) == NAME
    # "Ali" is also the adjective of the Supreme Court (Ali Məhkəmə); "alın" is a verb.
    assert mask_text("Ali Məhkəməyə müraciət edin, sənədləri alın", identifiers) == (
        "Ali Məhkəməyə müraciət edin, sənədləri alın"
    )


def test_a_name_that_is_an_everyday_word_needs_its_capital():
    identifiers = requester_identifiers(request_of(first="Ümid", last="Aydın"))
    text = "Ümid bəy, ümid edirik ki, cavab aydın olacaq. Hörmətlə, Aydın"
    assert mask_text(text, identifiers) == (
        f"{NAME} bəy, ümid edirik ki, cavab aydın olacaq. Hörmətlə, {NAME}"
    )


def test_invisible_characters_and_look_alike_letters_do_not_hide_it(zaur):
    assert mask_text("Dear Mr Mam\u200bma\u00addov", zaur) == f"Dear Mr {NAME}"
    assert mask_text("Dear Mr M\u0430mmadov", zaur) == f"Dear Mr {NAME}"  # a Cyrillic a
    assert mask_text("Call \uff10\uff15\uff10 123 45 67", zaur) == f"Call {PHONE}"


def test_the_real_name_is_left_alone_when_the_requester_shows_it():
    identifiers = requester_identifiers(request_of(choice="name", public_name="Zaur Məmmədov"))
    assert mask_text("Hörmətli Zaur Məmmədov", identifiers) == "Hörmətli Zaur Məmmədov"
    # Contact details stay private whatever name is shown.
    assert mask_text("Write to zaur.mammadov@mail.az", identifiers) == f"Write to {EMAIL}"


def test_a_withheld_name_is_masked_and_a_pseudonyms_own_words_are_not():
    withheld = requester_identifiers(request_of(choice="withheld", public_name=""))
    assert mask_text("Dear Zaur Məmmədov", withheld) == f"Dear {NAME}"
    # The pseudonym is public: a name part that is also the pseudonym is shown anyway.
    same = requester_identifiers(request_of(public_name="Zaur"))
    assert mask_text("Dear Zaur Məmmədov", same) == f"Dear Zaur {NAME}"


def test_particles_of_a_name_are_not_masked_on_their_own():
    identifiers = requester_identifiers(request_of(first="Zaur", last="Əli oğlu Məmmədov"))
    assert mask_text("Rəşad oğlu", identifiers) == "Rəşad oğlu"
    assert mask_text("Zaur Əli oğlu", identifiers) == f"{NAME} oğlu"


@pytest.mark.parametrize(
    "text",
    [
        "zaur.mammadov@mail.az",
        "ZAUR.MAMMADOV@MAIL.AZ",
        "Zaur.Mammadov @ mail.az",
        "zaur.mammadov at mail dot az",
        "zaur.mammadov [at] mail [dot] az",
        "mailto:zaur.mammadov@mail.az",
    ],
)
def test_the_e_mail_address_in_common_formats(zaur, text):
    assert "mammadov" not in mask_text(f"Write to {text}.", zaur).lower()
    assert EMAIL in mask_text(f"Write to {text}.", zaur)


def test_another_e_mail_address_is_left_alone():
    shown = requester_identifiers(request_of(choice="name", public_name="Zaur Məmmədov"))
    text = "Write to info@maliyye.gov.az, xzaur.mammadov@mail.az or zaur.mammadov@mail.az.example"
    assert mask_text(text, shown) == text


@pytest.mark.parametrize(
    "written",
    [
        "+994 50 123 45 67",
        "+994501234567",
        "00994 50 123 45 67",
        "994501234567",
        "050-123-45-67",
        "050 123 45 67",
        "(050) 1234567",
        "(050) 123-45-67",
        "+994 (50) 123-45-67",
        "(+994) 50 123 45 67",
        "+994 050 123 45 67",
        "050.123.45.67",
        "0501234567",
        "123-45-67",
    ],
)
def test_the_phone_number_in_common_formats(zaur, written):
    assert mask_text(f"Call {written} today", zaur) == f"Call {PHONE} today"


def test_other_numbers_are_left_alone(zaur):
    text = "Call 050-123-45-68, see decision 1234-56 of 2025, or +994 12 123 45 67"
    assert mask_text(text, zaur) == text


def test_the_postal_address_as_written():
    identifiers = requester_identifiers(request_of(address="Nümunə küçəsi 12,\nBakı AZ1000"))
    masked = mask_text("Posted to nümunə küçəsi 12, Bakı AZ1000 on Monday", identifiers)
    assert masked == "Posted to [address withheld] on Monday"


def test_the_name_in_an_e_mail_address_goes_with_the_address(zaur):
    assert mask_text("zaur.mammadov@mail.az", zaur) == EMAIL


def test_find_lists_what_was_written(zaur):
    found = find("Hörmətli Zaur Məmmədov, 050-123-45-67, zaur.mammadov@mail.az", zaur)
    assert ("name", "Zaur") in found and ("name", "Məmmədov") in found
    assert ("phone", "050-123-45-67") in found and ("email", "zaur.mammadov@mail.az") in found
    assert find("Nothing personal here.", zaur) == []


def test_the_warning_names_what_it_found():
    warning = publication_warning(request_of(), "Dear Mr Mammadov", "call 050 123 45 67")
    assert "Mammadov" in warning and "050 123 45 67" in warning
    assert publication_warning(request_of(), "The report is attached.") == ""


def test_no_identifiers_change_nothing():
    identifiers = requester_identifiers(
        request_of(first="", last="", choice="withheld", email="", phone="")
    )
    assert not identifiers
    assert mask_text("Zaur Məmmədov", identifiers) == "Zaur Məmmədov"
    assert mask_text("Zaur Məmmədov", None) == "Zaur Məmmədov"
