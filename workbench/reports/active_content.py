"""What in a .docx would make LibreOffice (or Word) reach outside the file or run something when
it lays the document out: relationships to external targets (a linked image is fetched, a
beacon; ``file://`` pulls a local file into the pages), imported chunks (altChunk), macros
(vbaProject), embedded OLE/ActiveX objects, and the field codes that include or link other
files (INCLUDETEXT, INCLUDEPICTURE, LINK, DDE, IMPORT). A template holding any of these is
refused (``templates._open``), and a .docx is checked again before it is previewed or printed
(``preview.docx_to_pdf``). Documents are plain text in a letterhead: none of it is needed.

The archive's members were bounded before (``office_files.check_members``); the XML is parsed
without entities, DTDs or network access.
"""

from __future__ import annotations

import re
import zipfile

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# relationship types that import or embed another document or program
_EMBEDDING_TYPES = (
    "/aFChunk",
    "/oleObject",
    "/package",
    "/control",
    "/vbaProject",
    "/attachedTemplate",
)
_LINKING_FIELDS = re.compile(
    r"\b(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDE|DDEAUTO|IMPORT)\b", re.I
)
_EMBEDDING_ELEMENTS = (f"{_W}altChunk", f"{_W}object", f"{_W}control")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def active_content(zf: zipfile.ZipFile) -> str | None:
    """What the .docx holds that reaches outside it, in Chinese, or None when it holds none."""
    for info in zf.infolist():
        name = info.filename
        lower = name.lower()
        if lower.endswith("vbaproject.bin") or "/activex/" in lower or "/embeddings/" in lower:
            return f"含宏或嵌入对象（{name}）"
        if lower.endswith(".rels"):
            found = _relationship_fault(zf.read(info))
        elif lower.startswith("word/") and lower.endswith(".xml"):
            found = _part_fault(zf.read(info))
        else:
            continue
        if found is not None:
            return f"{found}（{name}）"
    return None


def _parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None  # the .docx reader refuses it, or it is no part Word reads


def _relationship_fault(data: bytes) -> str | None:
    root = _parse(data)
    for rel in root.iter(_REL) if root is not None else ():
        if (rel.get("TargetMode") or "").strip().lower() == "external":
            return f"含外部链接“{rel.get('Target', '')[:80]}”"
        if (rel.get("Type") or "").endswith(_EMBEDDING_TYPES):
            return "含导入或嵌入的其他文档、对象"
    return None


def _part_fault(data: bytes) -> str | None:
    root = _parse(data)
    if root is None:
        return None
    for element in root.iter(*_EMBEDDING_ELEMENTS):
        return f"含嵌入对象（{etree.QName(element).localname}）"
    for code in _field_codes(root):
        linking = _LINKING_FIELDS.search(code)
        if linking is not None:
            return f"含引用其他文件的域代码 {linking.group(1).upper()}"
    return None


def _field_codes(root: etree._Element) -> list[str]:
    """Each field's code as one text: Word splits a code over runs (``INCL`` + ``UDETEXT``)
    between a ``fldChar`` begin and its separate/end; fields nest."""
    codes = [f.get(f"{_W}instr") or "" for f in root.iter(f"{_W}fldSimple")]
    open_codes: list[list[str]] = []
    for node in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        if node.tag == f"{_W}instrText":
            (open_codes[-1] if open_codes else codes).append(node.text or "")
            continue
        kind = node.get(f"{_W}fldCharType")
        if kind == "begin":
            open_codes.append([])
        elif kind in ("separate", "end") and open_codes:
            codes.append("".join(open_codes.pop()))
            if kind == "separate":
                open_codes.append([])  # the result: no code, closed by its end
    codes.extend("".join(parts) for parts in open_codes)
    return codes
