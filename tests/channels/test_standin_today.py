"""The stand-in speaks the platforms' wire format as documented today (read
2026-11-30), over real HTTP: what the channel code is tested against."""

import pytest
import requests

pytestmark = pytest.mark.django_db

IG_USER = "17841400000000001"


def graph(standin, method, path, **kwargs):
    return requests.request(
        method,
        f"{standin.url}/v26.0/{path}",
        headers={"Authorization": "Bearer test-token"},
        timeout=5,
        **kwargs,
    )


def test_one_removed_metric_fails_the_whole_insights_request_with_100(standin):
    post = graph(standin, "POST", "1000000001/feed", data={"message": "Hej", "link": ""}).json()
    ok = graph(
        standin,
        "GET",
        f"{post['id']}/insights",
        params={"metric": "post_total_media_view_unique,post_media_view"},
    )
    refused = graph(
        standin,
        "GET",
        f"{post['id']}/insights",
        params={"metric": "post_total_media_view_unique,post_impressions_unique"},
    )

    assert ok.status_code == 200
    assert {m["name"] for m in ok.json()["data"]} == {
        "post_total_media_view_unique",
        "post_media_view",
    }
    assert refused.status_code == 400 and "data" not in refused.json()
    assert refused.json()["error"]["code"] == 100
    standin.forget_requests()


def test_instagram_refuses_impressions_plays_and_video_views_but_serves_views(standin):
    standin.state.ig_media["900001"] = {
        "id": "900001",
        "owner": IG_USER,
        "caption": "",
        "permalink": "",
        "published": 0,
        "image_url": "",
    }
    for removed in ("impressions", "plays", "video_views"):
        answer = graph(standin, "GET", "900001/insights", params={"metric": f"views,{removed}"})
        assert answer.status_code == 400 and answer.json()["error"]["code"] == 100
    views = graph(standin, "GET", "900001/insights", params={"metric": "views,reach"}).json()
    assert {m["name"] for m in views["data"]} == {"views", "reach"}
    standin.forget_requests()


def _container(standin, media_server):
    from tests.factories import make_image

    image = make_image(size=(1080, 1080))
    url = media_server + image.get_rendition("width-1080|format-jpeg").url
    return graph(standin, "POST", f"{IG_USER}/media", data={"image_url": url, "caption": "x"})


def test_a_container_is_in_progress_until_instagram_has_processed_it(standin, media_server):
    standin.configure(ig_processing_seconds=90)
    container = _container(standin, media_server).json()["id"]

    def status():
        return graph(standin, "GET", container, params={"fields": "status_code,status"}).json()

    early = status()
    too_soon = graph(standin, "POST", f"{IG_USER}/media_publish", data={"creation_id": container})
    standin.advance(91)

    assert early["status_code"] == "IN_PROGRESS"
    assert too_soon.json()["error"]["error_subcode"] == 2207027
    assert status()["status_code"] == "FINISHED"
    standin.advance(86400)
    assert status()["status_code"] == "EXPIRED"


def test_a_failed_container_names_its_subcode_in_status(standin, media_server):
    standin.configure(ig_container_error_subcode=2207026)
    container = _container(standin, media_server).json()["id"]
    answer = graph(standin, "GET", container, params={"fields": "status_code,status"}).json()

    assert answer["status_code"] == "ERROR" and "2207026" in answer["status"]


def test_content_publishing_limit_answers_with_usage_and_config_when_asked(standin):
    plain = graph(standin, "GET", f"{IG_USER}/content_publishing_limit").json()
    full = graph(
        standin,
        "GET",
        f"{IG_USER}/content_publishing_limit",
        params={"fields": "quota_usage,config"},
    ).json()

    assert plain == {"data": [{"quota_usage": 0}]}
    assert full["data"][0]["config"] == {"quota_total": 100, "quota_duration": 86400}


def test_debug_token_describes_the_inspected_token(standin):
    standin.configure(token_expires_in_days=10, data_access_expires_in_days=80)
    data = graph(
        standin, "GET", "debug_token", params={"input_token": "test-facebook-token"}
    ).json()["data"]

    assert data["is_valid"] is True and data["type"] == "PAGE"
    assert {"pages_manage_posts", "read_insights"} <= set(data["scopes"])
    assert (
        data["app_id"] and data["issued_at"] < data["expires_at"] < data["data_access_expires_at"]
    )


def test_youtube_analytics_reports_answer_a_result_table(standin):
    standin.state.videos["abcdefghijk"] = {"snippet": {}, "statistics": {"viewCount": "200"}}
    params = {
        "ids": "channel==MINE",
        "startDate": "2026-01-01",
        "endDate": "2026-11-30",
        "metrics": "views,engagedViews,estimatedMinutesWatched",
        "filters": "video==abcdefghijk",
    }
    headers = {"Authorization": "Bearer test-youtube-token"}
    url = f"{standin.url}/youtube/analytics/v2/reports"
    table = requests.get(url, params=params, headers=headers, timeout=5).json()
    unknown = requests.get(
        url, params={**params, "metrics": "views,impressions"}, headers=headers, timeout=5
    )

    assert [h["name"] for h in table["columnHeaders"]] == [
        "views",
        "engagedViews",
        "estimatedMinutesWatched",
    ]
    assert table["rows"] == [[180, 125, 360]]  # Analytics lags the public count
    assert unknown.status_code == 400
    assert unknown.json()["error"]["errors"][0]["reason"] == "badRequest"
