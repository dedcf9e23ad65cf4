"""RFC 3161 timestamps of the published roots (foi/timestamping.py): the request is the DER
OpenSSL makes, an authority's answer is read and refused when not granted or for another
digest, and a root published with an authority configured keeps its token."""

import base64
import hashlib
import io

import pytest
from django.utils import timezone

from foi import timestamping
from foi.models import AuditRoot
from foi.timestamping import TimestampError, timestamp_request, token_from_response

DIGEST = hashlib.sha256(b"x").digest()
# `openssl ts -query -digest <sha256 of "x"> -sha256 -cert -no_nonce`
OPENSSL_QUERY = bytes.fromhex(
    "30390201013031300d0609608648016503040201050004202d711642b726b04401627ca9fbac32f5c8530fb19"
    "03cc4db02258717921a48810101ff"
)
# `openssl ts -reply` of a test authority (a self-signed EC key with the timeStamping purpose)
# to that query with a nonce; `openssl ts -verify` accepts it.
RESPONSE = base64.b64decode(
    "MIIFDjADAgEAMIIFBQYJKoZIhvcNAQcCoIIE9jCCBPICAQMxDzANBglghkgBZQMEAgEFADByBgsqhkiG9w0BCRAB"
    "BKBjBGEwXwIBAQYEKgMEATAxMA0GCWCGSAFlAwQCAQUABCAtcRZCtyawRAFifKn7rDL1yFMPsZA8xNsCJYcXkhpI"
    "gQIBAhgPMjAyNjEyMDYxOTU2MTJaMAMCAQECCEAAAAAAAAAFoIIDHjCCAYswggEwoAMCAQICFC0h6SET2Bo0bmCn"
    "DW9BrPD7ZLELMAoGCCqGSM49BAMCMBkxFzAVBgNVBAMMDlNvcmd1IHRlc3QgVFNBMCAXDTI2MTIwNjE5NTYxMloY"
    "DzIxMjYxMTEyMTk1NjEyWjAZMRcwFQYDVQQDDA5Tb3JndSB0ZXN0IFRTQTBZMBMGByqGSM49AgEGCCqGSM49AwEH"
    "A0IABB8m4QdQq1fybBSIpvVynyQzTMaO7HV1EzM8MUDEWih6NHzOjnidkPJ76WXvVgjFx01+9W/MOqcFXQyk0+AS"
    "SeWjVDBSMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMB0GA1UdDgQW"
    "BBSBFQOEGxHT8eEOW6HUxV1D8Nr0ujAKBggqhkjOPQQDAgNJADBGAiEAok8ZSTD+s9XQTttq+U8p+kRonYNUrDqt"
    "x0A8kea5e6sCIQDXkCvl0TsmrMvWbxHsQkpsBXhNOoTYiCDr6VF5AL0k/TCCAYswggEwoAMCAQICFC0h6SET2Bo0"
    "bmCnDW9BrPD7ZLELMAoGCCqGSM49BAMCMBkxFzAVBgNVBAMMDlNvcmd1IHRlc3QgVFNBMCAXDTI2MTIwNjE5NTYx"
    "MloYDzIxMjYxMTEyMTk1NjEyWjAZMRcwFQYDVQQDDA5Tb3JndSB0ZXN0IFRTQTBZMBMGByqGSM49AgEGCCqGSM49"
    "AwEHA0IABB8m4QdQq1fybBSIpvVynyQzTMaO7HV1EzM8MUDEWih6NHzOjnidkPJ76WXvVgjFx01+9W/MOqcFXQyk"
    "0+ASSeWjVDBSMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMB0GA1Ud"
    "DgQWBBSBFQOEGxHT8eEOW6HUxV1D8Nr0ujAKBggqhkjOPQQDAgNJADBGAiEAok8ZSTD+s9XQTttq+U8p+kRonYNU"
    "rDqtx0A8kea5e6sCIQDXkCvl0TsmrMvWbxHsQkpsBXhNOoTYiCDr6VF5AL0k/TGCAUQwggFAAgEBMDEwGTEXMBUG"
    "A1UEAwwOU29yZ3UgdGVzdCBUU0ECFC0h6SET2Bo0bmCnDW9BrPD7ZLELMA0GCWCGSAFlAwQCAQUAoIGkMBoGCSqG"
    "SIb3DQEJAzENBgsqhkiG9w0BCRABBDAcBgkqhkiG9w0BCQUxDxcNMjYxMjA2MTk1NjEyWjAvBgkqhkiG9w0BCQQx"
    "IgQgBg3GhV2xYr+k+XzwZnP70w6J5Eqa28hPA39soh4MnB4wNwYLKoZIhvcNAQkQAi8xKDAmMCQwIgQgkW8dI1y1"
    "S2EeNj/UJkdqGenaC9dM+HXCmV+SbcDrpaswCgYIKoZIzj0EAwIERjBEAiAadsNs5FC/JJd5XE2UzcAbLD9M8HZd"
    "va9OI2qXuR/amQIgBK8rIhjFTPiCG1LRQmah25QRf7aqbcUMl/p0IO9oRmA="
)


def test_the_request_is_the_der_openssl_makes():
    assert timestamp_request(DIGEST) == OPENSSL_QUERY
    with_nonce = timestamp_request(DIGEST, nonce=2**62 + 5)
    assert with_nonce.startswith(bytes([0x30, len(with_nonce) - 2]))
    assert bytes.fromhex("02084000000000000005") in with_nonce


def test_a_granted_answer_gives_its_token():
    token = token_from_response(RESPONSE, DIGEST)
    assert token[0] == 0x30 and RESPONSE.endswith(token)
    assert b"\x04\x20" + DIGEST in token


@pytest.mark.parametrize(
    "answer, digest",
    [
        (RESPONSE, hashlib.sha256(b"y").digest()),  # another digest
        (bytes.fromhex("3005300302010200"), DIGEST),  # status 2: rejection
        (RESPONSE[:40], DIGEST),  # truncated
        (b"<html>", DIGEST),
    ],
)
def test_a_refused_or_foreign_answer_gives_no_token(answer, digest):
    with pytest.raises(TimestampError):
        token_from_response(answer, digest)


class _Answer(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_root_published_with_an_authority_keeps_its_token(world, settings, monkeypatch, api):
    from tests.foi.test_audit_roots import _publish

    asked = []

    def urlopen(request, timeout):
        asked.append(request)
        start = request.data.index(b"\x04\x20") + 2  # the imprint's OCTET STRING
        digest = request.data[start : start + 32]
        assert request.headers["Content-type"] == "application/timestamp-query"
        # A stand-in for the authority: its answer for "x", made to name the digest asked.
        return _Answer(RESPONSE.replace(DIGEST, digest))

    monkeypatch.setattr(timestamping.urllib.request, "urlopen", urlopen)
    settings.FOI_AUDIT_TSA_URL = "https://tsa.example/"
    root = _publish()
    (request,) = asked
    assert bytes.fromhex(root.hash) in request.data
    stored = AuditRoot.objects.get(pk=root.pk)
    assert bytes.fromhex(root.hash) in bytes(stored.timestamp_token)
    published = api.as_(None).get(f"/api/v1/audit/roots/{timezone.localdate().isoformat()}/")
    assert base64.b64decode(published.json()["timestamp"]) == bytes(stored.timestamp_token)


def test_an_authority_that_does_not_answer_leaves_the_root_published(world, settings, monkeypatch):
    from tests.foi.test_audit_roots import _publish

    def urlopen(request, timeout):
        raise OSError("connection refused")

    monkeypatch.setattr(timestamping.urllib.request, "urlopen", urlopen)
    settings.FOI_AUDIT_TSA_URL = "https://tsa.example/"
    root = _publish()
    assert AuditRoot.objects.get(pk=root.pk).timestamp_token is None
