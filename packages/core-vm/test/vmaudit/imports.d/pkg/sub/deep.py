from . import PV
from .. import mod2
def d(): return PV + ':' + mod2.f2()
