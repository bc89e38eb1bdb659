from .mod1 import f1 as g
def f2(): return 'f2 uses ' + g()
