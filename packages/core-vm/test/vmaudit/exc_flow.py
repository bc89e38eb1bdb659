import sys
# finally with return/break/continue
def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
def f2():
    try:
        raise ValueError
    finally:
        return 'finally swallows'
def f3():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print('f3 finally', i)
    return i
def f4():
    try:
        return 'try'
    finally:
        return 'finally wins'
def f5():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            continue
        finally:
            print('f5 finally', i)
    return 'done'
def f6():
    x = []
    while True:
        try:
            try:
                x.append(1)
                break
            finally:
                x.append(2)
        finally:
            x.append(3)
    return x
def f7():
    try:
        try:
            raise ValueError('inner')
        finally:
            print('inner finally')
    except ValueError as e:
        return 'caught ' + str(e)
def f8():
    for i in range(2):
        try:
            return i
        finally:
            if i == 0:
                continue
    return 'end'
print(f1(), f2(), f3(), f4(), f5(), f6(), f7(), f8())
# exception variable cleared after except
try:
    raise ValueError
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print('NameError')
# nested exception context
try:
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b')
except ValueError as e:
    print(repr(e.__context__.args), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError('a')
    except KeyError as k:
        raise ValueError('b') from k
except ValueError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b') from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise ValueError from TypeError
except ValueError as e:
    print(type(e.__cause__).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print('TypeError', e)
try:
    raise 5
except TypeError as e:
    print('TypeError', e)
# exception in finally replaces, context set
try:
    try:
        raise KeyError('first')
    finally:
        raise ValueError('second')
except ValueError as e:
    print(type(e.__context__).__name__)
# sys.exc_info
try:
    raise IndexError('ix')
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
# bare raise re-raises current
def rr():
    try:
        raise KeyError('rr')
    except KeyError:
        raise
try:
    rr()
except KeyError as e:
    print('reraised', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
# exception attributes
e = ValueError(1, 2)
print(e.args, str(e), len(e.args))
e.args = ('changed',)
print(str(e))
print(str(ValueError()), str(ValueError('')), str(ValueError(None)))
# with_traceback
e = ValueError('w')
print(e.with_traceback(None) is e, e.__traceback__)
# raising classes vs instances
try:
    raise KeyError
except KeyError as e:
    print(e.args)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print('TypeError', e)
try:
    try:
        pass
    except 5:
        pass
    print('except with non-class not evaluated')
except TypeError as e:
    print('TypeError', e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print('TypeError', e)
# exceptions in generators and context
def g():
    try:
        yield 1
    except GeneratorExit:
        print('gen exit')
        raise
gg = g(); next(gg); gg.close()
# RecursionError
def rec(n): return rec(n + 1)
try:
    rec(0)
except RuntimeError as e:
    print(isinstance(e, RuntimeError), e)
# KeyError str with tuple
print(str(KeyError(('a', 1))), str(KeyError('')))
# ExceptionGroup not needed; assert
try:
    assert False, 'msg'
except AssertionError as e:
    print('AssertionError', e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError', e.args)
# UnboundLocalError
def ul():
    x = x + 1
try:
    ul()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
except NameError as e:
    print('NameError?', e)
print(issubclass(UnboundLocalError, NameError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(ModuleNotFoundError, ImportError))
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    int('x')
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    f1(1)
except TypeError as e:
    print(e)
def kw(a, *, b): pass
try:
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1)
except TypeError as e:
    print(e)
try:
    kw(1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    kw(1, a=2, b=3)
except TypeError as e:
    print(e)
