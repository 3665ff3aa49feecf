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
}

namespace {

// glibc writes its free-list links over a freed block's first 16 bytes (and checks them to
// catch a double free): those are left to it. Qt's array header fills them in any case.
constexpr size_t AllocatorOwnedBytes = 16;

// A block glibc mapped on its own (large ones) goes back to the system when freed, its pages
// with it: nothing to overwrite, and touching them all first would only cost time and memory.
// glibc marks such a block in the size word just before it (IS_MMAPPED, bit 1).
bool isMappedOnItsOwn(const void *block)
{
    size_t sizeWord = 0;
    std::memcpy(&sizeWord, static_cast<const char *>(block) - sizeof(size_t), sizeof sizeWord);
    return (sizeWord & 2) != 0;
}

void overwrite(void *block, size_t from, size_t to)
{
    from = from < AllocatorOwnedBytes ? AllocatorOwnedBytes : from;
    if (to > from)
        explicit_bzero(static_cast<char *>(block) + from, to - from);
}

// A shrink that keeps the block: up to this much of its end is given up in place.
constexpr size_t ShrinkInPlaceBytes = 4096;

} // namespace

extern "C" {

void free(void *block) noexcept
{
    if (block && !isMappedOnItsOwn(block))
        overwrite(block, 0, malloc_usable_size(block));
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
    if (size <= usable && usable - size <= ShrinkInPlaceBytes) { // fits: keep the block
        overwrite(block, size, usable);
        return block;
    }
    void *moved = __libc_malloc(size);
    if (!moved)
        return nullptr; // the old block stays valid, as realloc promises
    std::memcpy(moved, block, size < usable ? size : usable);
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
