"""Whatever another server sends the inbox, the answer is a refusal, never a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channels.fediverse.models import Follower

pytestmark = pytest.mark.django_db

BUDGET = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
# keyIds that resolve at once (no DNS lookups on a machine without internet).
KEY_IDS = st.sampled_from(
    ["http://127.0.0.1:9/users/x#main-key", "https://10.0.0.1/k", "", "x", "http://[::1]:9/k"]
)
SIGNATURE = st.one_of(
    TEXT,
    st.builds(
        lambda key, headers, sig: (
            f'keyId="{key}",algorithm="rsa-sha256",headers="{headers}",signature="{sig}"'
        ),
        KEY_IDS,
        st.sampled_from(["(request-target) host date digest", "date", "", "x y z"]),
        st.sampled_from(["", "AAAA", "not base64!", "=" * 9]),
    ),
)
BODY = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda kind, actor, obj: json.dumps({"type": kind, "actor": actor, "object": obj}).encode(),
        st.sampled_from(["Follow", "Undo", "Delete", "Create", None, 3]),
        st.one_of(TEXT, st.none(), st.integers()),
        st.one_of(TEXT, st.none(), st.dictionaries(TEXT, TEXT, max_size=2)),
    ),
)


@BUDGET
@given(
    body=BODY,
    signature=SIGNATURE,
    signature_input=st.one_of(st.none(), TEXT),
    path=st.sampled_from(["/fediverse/events/inbox", "/fediverse/inbox"]),
)
def test_the_inbox_refuses_random_requests_without_a_500(
    client, settings, body, signature, signature_input, path
):
    settings.FEDIVERSE_CONNECT_TIMEOUT = 0.5
    settings.FEDIVERSE_READ_TIMEOUT = 0.5
    settings.FEDIVERSE_INBOX_RATE_PER_MINUTE = 10_000
    headers = {"HTTP_SIGNATURE": signature.encode("utf-8", "ignore").decode("latin-1")}
    if signature_input is not None:
        headers["HTTP_SIGNATURE_INPUT"] = signature_input.encode("utf-8", "ignore").decode(
            "latin-1"
        )
    answer = client.post(path, data=body, content_type="application/activity+json", **headers)

    assert answer.status_code in (400, 401, 403, 404, 413, 429)
    assert not Follower.objects.exists()
