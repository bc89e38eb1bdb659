import sys
print(__name__)
try:
    import broken_mod
except ValueError as e:
    print('ValueError', e)
print('broken_mod' in sys.modules)
try:
    import broken_mod
except ValueError as e:
    print('ValueError again', e)
import circ_a
print(circ_a.use(), 'circ_b' in sys.modules)
import pkg
print(pkg.f1(), pkg.mod2.f2(), pkg.VALUE)
import pkg.sub.deep
print(pkg.sub.deep.d(), pkg.sub.PV)
from pkg.sub import deep as dp
print(dp is pkg.sub.deep)
import pkg.mod1 as m1
print(m1.__name__)
try:
    import pkg.bad_rel
except ImportError as e:
    print(type(e).__name__, e)
print('pkg.bad_rel' in sys.modules)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from pkg import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
try:
    from pkg.mod1 import nothing
except ImportError as e:
    print(type(e).__name__)
import mainname
print(mainname.__name__)
m = __import__('pkg.mod1')
print(m.__name__)
sys.modules['fake_mod'] = 'I am fake'
import fake_mod
print(fake_mod)
del sys.modules['fake_mod']
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
