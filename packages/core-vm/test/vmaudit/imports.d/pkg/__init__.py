print('pkg init', __name__)
from .mod1 import f1
from . import mod2
VALUE = 'pkg'
