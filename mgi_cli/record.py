"""Frozen records: what @dataclass(frozen=True) gives, made without compiling code at import.

@dataclass compiles six methods per class with exec when its module is imported: the model's
four classes cost 16 million instructions, a sixth of mgi's start, on every Tab of shell
completion. `frozen` gives the same behaviour from plain functions: fields in annotation
order with class-level defaults, keyword or positional construction, equality and hash over
the compared fields, a repr, immutability, and `replace(**changes)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # tells type checkers that frozen() makes records, as @dataclass does
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**kwargs: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator

T = TypeVar("T")


class Record:
    """The base of frozen records, so type checkers know their `replace` (added by frozen)."""

    if TYPE_CHECKING:
        def replace(self: T, **changes: Any) -> T: ...


class FrozenInstanceError(AttributeError):
    """A record's fields cannot be assigned (as dataclasses.FrozenInstanceError)."""


@dataclass_transform(frozen_default=True)
def frozen(*, uncompared: tuple[str, ...] = ()) -> Callable[[type[T]], type[T]]:
    """A class decorator: the class's annotated fields as a frozen record; `uncompared`
    fields take no part in equality and hash (dataclasses' compare=False)."""

    def make(cls: type[T]) -> type[T]:
        names = tuple(cls.__dict__.get("__annotations__", {}))
        defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
        compared = tuple(name for name in names if name not in uncompared)
        cls.__record_fields__ = names  # type: ignore[attr-defined]
        cls.__init__ = _init(cls.__name__, names, defaults)  # type: ignore[method-assign]
        cls.__eq__ = _eq(compared)  # type: ignore[method-assign]
        cls.__hash__ = (  # type: ignore[method-assign]
            lambda self: hash(_values(self, compared)))
        cls.__repr__ = _repr(names)  # type: ignore[method-assign]
        cls.__setattr__ = cls.__delattr__ = _refuse  # type: ignore[method-assign]
        cls.replace = _replace  # type: ignore[attr-defined]
        return cls

    return make


def _init(class_name: str, names: tuple[str, ...],
          defaults: dict[str, Any]) -> Callable[..., None]:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{class_name}() takes {len(names)} arguments, {len(args)} given")
        values = dict(zip(names, args, strict=False))  # fewer args: the rest by keyword
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{class_name}() got an unexpected or repeated {name!r}")
            values[name] = value
        for name in names:
            if name not in values:
                if name not in defaults:
                    raise TypeError(f"{class_name}() missing the argument {name!r}")
                values[name] = defaults[name]
        self.__dict__.update(values)

    return __init__


def _eq(compared: tuple[str, ...]) -> Callable[[Any, object], bool]:
    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self, compared) == _values(other, compared)

    return __eq__


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    return __repr__


def _values(record: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in names)


def _refuse(self: Any, name: str, *value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _replace(self: T, **changes: Any) -> T:
    """A copy with some fields changed (dataclasses.replace)."""
    values = {name: getattr(self, name) for name in self.__record_fields__}  # type: ignore
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
    return type(self)(**{**values, **changes})
