// Every heap block this process frees is overwritten first. A secret passes through buffers
// the app does not own — Qt's network and JSON layers, the text layout of the field that shows
// it — and the C library hands freed blocks back unchanged, so without this a one-time API
// secret (or a token) could be read from a freed block long after the dialog that showed it
// closed: in a core dump, a swapped-out page or by another process of the user. glibc's own
// M_PERTURB does not cover blocks kept in its per-thread cache (the small ones, where strings
// live), so free and realloc are replaced here, in the executable, for every library it loads.
// KeePassXC overwrites on `operator delete`; Qt's strings are freed with free(), hence here.
//
// Left out under the sanitizers, whose runtimes replace the allocator themselves (and poison
// freed memory). tst_secret_memory links this file and scans its own memory for the secret.

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SMTPD_SANITIZED_ALLOCATOR
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SMTPD_SANITIZED_ALLOCATOR
#endif

#include <cerrno>
#include <cstring>

#if defined(__GLIBC__) && !defined(SMTPD_SANITIZED_ALLOCATOR)

#include <malloc.h>

extern "C" {
void __libc_free(void *block);
void *__libc_malloc(size_t size);

void free(void *block) noexcept
{
    if (block)
        explicit_bzero(block, malloc_usable_size(block));
    __libc_free(block);
}

// glibc's realloc frees a moved block internally, past free() above: moves happen here.
void *realloc(void *block, size_t size) noexcept
{
    if (!block)
        return __libc_malloc(size);
    if (size == 0) {
        free(block);
        return nullptr;
    }
    const size_t usable = malloc_usable_size(block);
    if (size <= usable) { // fits: keep the block, clear the part given up
        explicit_bzero(static_cast<char *>(block) + size, usable - size);
        return block;
    }
    void *moved = __libc_malloc(size);
    if (!moved)
        return nullptr; // the old block stays valid, as realloc promises
    std::memcpy(moved, block, usable);
    free(block);
    return moved;
}

void *reallocarray(void *block, size_t count, size_t size) noexcept
{
    size_t bytes = 0;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return nullptr;
    }
    return realloc(block, bytes);
}
}

#endif
