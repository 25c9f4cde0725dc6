"""The two learning-system descriptions of the quiz, and their checks.

- SCORM 1.2: ``imsmanifest.xml`` (IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
  extensions): one organisation, one item (the quiz) with the pass mark as its
  mastery score, one SCO resource listing every file in the package.
- cmi5: ``cmi5.xml`` (course structure): one course, one assignable unit (AU).

One unit: the reader chooses the staff or members track inside the quiz and the
report carries the track (see README, "Learning systems"). The writers are pure
(same input, same bytes); the checkers return every problem found, so the build
can stop with all of them.
"""
from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from sitebuild.settings import Settings

# The launch page and the title are settings (sitebuild/settings.py); these defaults are theirs.
DEFAULTS = Settings()
# Stable identifiers: the learning system keeps one record per learner across new versions
# of the package; the versions themselves travel in every report.
IDENTIFIER = "social-media-policy-training-quiz"
COURSE_IRI = "urn:social-media-policy:training-quiz"
AU_IRI = "urn:social-media-policy:training-quiz:au"

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
MOVE_ON = ("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable")
LAUNCH_METHODS = ("AnyWindow", "OwnWindow")


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def version_label(bank_version: str, document_versions: dict[str, str]) -> str:
    """What a learning team reads to tell one package from the next."""
    return (f"policy {document_versions['policy']}, procedure {document_versions['procedure']}, "
            f"question bank {bank_version}")


# imscp_rootv1p1p2.xsd limits the manifest's version attribute to 20 characters.
VERSION_MAX = 20


def manifest_version(label: str) -> str:
    """The manifest's short version: a fingerprint of the label (the label itself is in the titles)."""
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:12]


def description(draw_size: int) -> str:
    """What the quiz is, as a learning system lists it: the number of questions is the bank's draw size."""
    return (f"{draw_size} questions on the council's social media policy and procedure (staff or members track), "
            "then an acknowledgement of the versions read and a certificate.")


def scorm_manifest(files: Iterable[str], pass_mark: int, label: str, settings: Settings = DEFAULTS) -> bytes:
    """imsmanifest.xml for one SCO launched at the settings' launch page, listing `files` (paths in the zip);
    valid against the SCORM 1.2 schemas in tests/data/schemas/ (tests/site/test_lms_schemas.py)."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    manifest = ET.Element(f"{{{IMSCP}}}manifest", {"identifier": IDENTIFIER, "version": manifest_version(label)})
    metadata = ET.SubElement(manifest, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(manifest, f"{{{IMSCP}}}organizations", {"default": "organization"})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": "organization"})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = settings.lms_title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item",
                         {"identifier": "item-quiz", "identifierref": "resource-quiz", "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = f"{settings.lms_title} ({label})"
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(pass_mark)
    resources = ET.SubElement(manifest, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "resource-quiz", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": settings.lms_launch})
    for name in sorted(files):
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    return _xml(manifest)


def cmi5_course(pass_mark: int, label: str, draw_size: int, settings: Settings = DEFAULTS) -> bytes:
    """cmi5.xml: one course with one AU, passed at the pass mark."""
    ET.register_namespace("", CMI5)
    root = ET.Element(f"{{{CMI5}}}courseStructure")

    def texts(parent: ET.Element, tag: str, text: str) -> None:
        element = ET.SubElement(parent, f"{{{CMI5}}}{tag}")
        ET.SubElement(element, f"{{{CMI5}}}langstring", {"lang": "en-GB"}).text = text

    course = ET.SubElement(root, f"{{{CMI5}}}course", {"id": COURSE_IRI})
    texts(course, "title", settings.lms_title)
    texts(course, "description", f"{description(draw_size)} Versions: {label}.")
    # moveOn Passed: the learning system counts the unit done when the reader reaches the pass mark.
    au = ET.SubElement(root, f"{{{CMI5}}}au", {
        "id": AU_IRI, "moveOn": "Passed", "masteryScore": f"{pass_mark / 100:g}", "launchMethod": "AnyWindow"})
    texts(au, "title", settings.lms_title)
    texts(au, "description", f"{description(draw_size)} Versions: {label}.")
    ET.SubElement(au, f"{{{CMI5}}}url").text = settings.lms_launch
    return _xml(root)


# ---------------------------------------------------------------- checks

def _parse(data: bytes, name: str, problems: list[str]) -> ET.Element | None:
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        problems.append(f"{name} is not well-formed XML: {error}")
        return None


def check_scorm(manifest: bytes, names: set[str]) -> list[str]:
    """Problems with a SCORM 1.2 imsmanifest.xml, given the names of the files in its zip."""
    problems: list[str] = []
    root = _parse(manifest, "imsmanifest.xml", problems)
    if root is None:
        return problems
    ns = {"cp": IMSCP, "adlcp": ADLCP}
    if root.tag != f"{{{IMSCP}}}manifest" or not root.get("identifier"):
        problems.append("imsmanifest.xml: the root must be an IMS CP <manifest> with an identifier")
    if len(root.get("version") or "") > VERSION_MAX:
        problems.append(f"imsmanifest.xml: the manifest's version is longer than {VERSION_MAX} characters")
    if root.findtext("cp:metadata/cp:schema", namespaces=ns) != "ADL SCORM" or \
            root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) != "1.2":
        problems.append("imsmanifest.xml: <metadata> must say schema 'ADL SCORM', schemaversion '1.2'")
    organizations = root.find("cp:organizations", ns)
    default = organizations.get("default") if organizations is not None else None
    organization = next((o for o in root.iterfind("cp:organizations/cp:organization", ns)
                         if o.get("identifier") == default), None)
    if organization is None:
        problems.append("imsmanifest.xml: <organizations default> must name one of its <organization>s")
        items = []
    else:
        if not organization.findtext("cp:title", namespaces=ns):
            problems.append("imsmanifest.xml: the organization has no <title>")
        items = organization.findall(".//cp:item", ns)
        if not items:
            problems.append("imsmanifest.xml: the organization has no <item>")
    resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", ns)}
    for item in items:
        resource = resources.get(item.get("identifierref"))
        if resource is None:
            problems.append(f"imsmanifest.xml: item {item.get('identifier')!r} refers to no resource")
        mastery = item.findtext("adlcp:masteryscore", namespaces=ns)
        if mastery is not None and not (mastery.isdigit() and 0 <= int(mastery) <= 100):
            problems.append(f"imsmanifest.xml: masteryscore {mastery!r} is not a whole number from 0 to 100")
    for identifier, resource in resources.items():
        if resource.get(f"{{{ADLCP}}}scormtype") not in ("sco", "asset"):
            problems.append(f"imsmanifest.xml: resource {identifier!r} has no adlcp:scormtype sco or asset")
        listed = [resource.get("href")] + [f.get("href") for f in resource.iterfind("cp:file", ns)]
        problems.extend(f"imsmanifest.xml lists {href!r}, which is not in the package"
                        for href in listed if href not in names)
    return problems


def check_cmi5(course: bytes, names: set[str]) -> list[str]:
    """Problems with a cmi5.xml, given the names of the files in its zip."""
    problems: list[str] = []
    root = _parse(course, "cmi5.xml", problems)
    if root is None:
        return problems
    ns = {"c": CMI5}
    if root.tag != f"{{{CMI5}}}courseStructure":
        problems.append("cmi5.xml: the root must be a cmi5 <courseStructure>")
    course_element = root.find("c:course", ns)
    if course_element is None or not course_element.get("id") or \
            not course_element.findtext("c:title/c:langstring", namespaces=ns):
        problems.append("cmi5.xml: <course> needs an id and a <title>")
    aus = root.findall(".//c:au", ns)
    if not aus:
        problems.append("cmi5.xml: there is no <au>")
    for au in aus:
        label = au.get("id") or "(no id)"
        if not au.get("id") or not au.findtext("c:title/c:langstring", namespaces=ns) or \
                not au.findtext("c:description/c:langstring", namespaces=ns):
            problems.append(f"cmi5.xml: au {label}: needs an id, a <title> and a <description>")
        if au.get("moveOn", "NotApplicable") not in MOVE_ON:
            problems.append(f"cmi5.xml: au {label}: moveOn {au.get('moveOn')!r} is not one of {', '.join(MOVE_ON)}")
        if au.get("launchMethod", "AnyWindow") not in LAUNCH_METHODS:
            problems.append(f"cmi5.xml: au {label}: launchMethod {au.get('launchMethod')!r} is not valid")
        mastery = au.get("masteryScore")
        try:
            if mastery is not None and not 0 <= float(mastery) <= 1:
                raise ValueError
        except ValueError:
            problems.append(f"cmi5.xml: au {label}: masteryScore {mastery!r} is not a decimal from 0 to 1")
        url = au.findtext("c:url", namespaces=ns)
        if not url or url not in names:
            problems.append(f"cmi5.xml: au {label}: url {url!r} is not in the package")
    return problems
