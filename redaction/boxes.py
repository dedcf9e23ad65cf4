"""A redaction box: a page, a rectangle in normalised coordinates and the reason it is withheld.

Coordinates are fractions of the page as it is displayed (0 to 1, origin at the top left, after
the page's crop box and rotation), so one box means the same area on the page image a person
drew it on, on the PDF's own coordinates and on an image file of any resolution.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import InvalidInput

# A box thinner than this (a fraction of the page) covers nothing a reader could see: a slip.
MIN_SIDE = 0.002


@dataclass(frozen=True)
class Box:
    page: int  # 1-based, as people count pages
    x0: float
    y0: float
    x1: float
    y1: float
    reason: str  # a key the caller understands: an exemption's id or "personal-data"

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Box:
        return cls(
            page=int(data["page"]),
            x0=float(data["x0"]),
            y0=float(data["y0"]),
            x1=float(data["x1"]),
            y1=float(data["y1"]),
            reason=str(data["reason"]),
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The rectangle on an image of this size, rounded outwards so no edge pixel of what
        it covers survives."""
        return (
            max(0, int(self.x0 * width)),
            max(0, int(self.y0 * height)),
            min(width, -int(-self.x1 * width)),
            min(height, -int(-self.y1 * height)),
        )


def check_boxes(boxes: list[Box], *, page_count: int) -> list[Box]:
    """The boxes, each checked to lie on an existing page inside it with a reason; raises
    ``InvalidInput`` naming the first that does not."""
    if not boxes:
        raise InvalidInput(_("Draw at least one box, or find a term to black out."))
    for number, box in enumerate(boxes, start=1):
        if not 1 <= box.page <= page_count:
            raise InvalidInput(
                ngettext(
                    "Box %(number)s is on page %(page)s, but the file has %(count)s page.",
                    "Box %(number)s is on page %(page)s, but the file has %(count)s pages.",
                    page_count,
                )
                % {"number": number, "page": box.page, "count": page_count}
            )
        inside = 0 <= box.x0 < box.x1 <= 1 and 0 <= box.y0 < box.y1 <= 1
        if not inside or box.x1 - box.x0 < MIN_SIDE or box.y1 - box.y0 < MIN_SIDE:
            raise InvalidInput(
                _(
                    "Box %(number)s is not a rectangle on the page: each side runs from 0 to 1, "
                    "the second value larger than the first."
                )
                % {"number": number}
            )
        if not box.reason:
            raise InvalidInput(_("Box %(number)s has no reason.") % {"number": number})
    return boxes
