"""The banner above a long form names each bad field and links to it (issue 24, item 3)."""

import re


def links(html: str) -> list[str]:
    summary = html[html.index('id="error-summary"') :]
    return re.findall(r'<a href="#([\w-]+)">', summary[: summary.index("</div>")])


def test_the_candidate_form_banner_links_to_the_name_and_the_language_rows(client, hr, build):
    vacancy = build.vacancy()
    data = {"full_name": "", "email": "not an address", "languages-0-language": "en", "languages-0-level": ""}
    response = client.post(f"/vacancies/{vacancy.id}/candidates/new", data=data)
    assert response.status_code == 400
    found = links(response.text)
    assert "full_name" in found and "email" in found
    for target in found:
        assert f'id="{target}"' in response.text  # every link lands on an element of the page


def test_the_profile_competency_form_banner_links_to_its_fields(client, hr, build):
    profile = build.profile()
    clone = client.post(f"/profiles/{profile.id}/clone", follow_redirects=True)
    clone_id = int(re.search(r"/profiles/(\d+)/edit", clone.text).group(1))
    response = client.post(f"/profiles/{clone_id}/competencies/new", data={"code": "x", "weight": "-3"})
    assert response.status_code == 400
    found = links(response.text)
    assert "name_ru" in found and "name_en" in found
    assert "version" not in found  # a hidden field is nothing a user can correct
