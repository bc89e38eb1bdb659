def f1(): return 'f1 from ' + __name__
