"""What a service raises when it refuses. Each carries one sentence for the person.

Views and the API map them: ``InvalidInput`` 400, ``NotPermitted`` 403, ``NotVisible`` 404,
``TransitionNotAllowed`` and ``Conflict`` 409. Nothing is changed when any of them is raised.
"""

from __future__ import annotations


class ServiceError(Exception):
    status = 400

    def __init__(self, message: str, *, errors: dict | None = None):
        super().__init__(str(message))
        self.message = str(message)
        self.errors = errors or {}

    def __str__(self) -> str:
        return self.message


class InvalidInput(ServiceError):
    status = 400


class NotPermitted(ServiceError):
    status = 403


class NotVisible(ServiceError):
    status = 404


class TransitionNotAllowed(ServiceError):
    status = 409


class Conflict(ServiceError):
    status = 409


class RateLimited(ServiceError):
    status = 429
