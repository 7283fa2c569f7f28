# typing: imported for annotations, its forms inert at run time.
from typing import List, Optional, Dict, Any, cast
import typing
Doms = List[str]
def f(x: Optional[int] = None) -> Dict[str, Any]:
    return {"x": x}
print(f(1), cast(int, 3), typing.TYPE_CHECKING)
