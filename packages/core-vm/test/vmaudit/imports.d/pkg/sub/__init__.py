from .. import VALUE as PV
from ..mod1 import f1
