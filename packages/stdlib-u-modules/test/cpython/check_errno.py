# uerrno, spec 4.1.8: error codes and errorcode.
import errno

for name in ('EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV', 'EISDIR',
             'EINVAL', 'EOPNOTSUPP', 'EADDRINUSE', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS', 'ENOTCONN',
             'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'EALREADY', 'EINPROGRESS'):
    code = getattr(errno, name)
    # errorcode: "Dictionary mapping numeric error codes to strings with symbolic error code"
    # (CPython names 95 ENOTSUP, its alias; MicroPython EOPNOTSUPP)
    print(name, code, errno.errorcode[code] if name != 'EOPNOTSUPP' else '')
# "Errors are usually accessible as exc.args[0] where exc is an instance of OSError."
try:
    open('/no/such/file/anywhere')
except OSError as exc:
    print(exc.args[0] == errno.ENOENT)
print(type(errno.errorcode), all(errno.errorcode[getattr(errno, errno.errorcode[k])] == errno.errorcode[k] for k in errno.errorcode))
