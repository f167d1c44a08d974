#include <vips/vips.h>

/* libvips takes its optional arguments as C varargs, which Swift cannot call: these functions
   pass them. Only Sources/LanternImaging/Vips.swift uses them (scripts/check-layers). */

static inline void lantern_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/* Once per process. One thread per image: the build runs images on all cores itself. No
   operation cache: every image is made once. libvips's warnings (a damaged tile it filled in)
   would go to stderr between the build's own lines; errors are read from vips_error_buffer. */
static inline void *lantern_vips_class_ref(GType type, void *data) {
    (void)data;
    if (!G_TYPE_IS_ABSTRACT(type)) g_type_class_unref(g_type_class_ref(type));
    return NULL;
}

/* Every operation's class is built here, on the one thread that starts libvips: a class built
   lazily while another thread makes an object of it can abort in vips_argument_map
   ("assertion failed: (argument_instance)"), which a test run hit once. */
static inline int lantern_vips_start(void) {
    if (VIPS_INIT("lantern")) return -1;
    vips_type_map_all(g_type_from_name("VipsOperation"), lantern_vips_class_ref, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, lantern_vips_quiet, NULL);
    return 0;
}

/* Reads the header only (pixels are decoded when asked for). The buffer must outlive the image. */
static inline VipsImage *lantern_vips_header(const void *buf, size_t len) {
    return vips_image_new_from_buffer(buf, len, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/* The same from a file, read through a source: no part of the path is taken for loader options
   (`photo[1].jpg` is a name), and only the header's bytes are read. */
static inline VipsImage *lantern_vips_header_source(VipsSource *source) {
    return vips_image_new_from_source(source, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/* Decoded and shrunk to `width` (never enlarged), turned upright by its EXIF orientation and
   into sRGB; a file cut short is an error, not a grey band. */
static inline VipsImage *lantern_vips_thumbnail(const void *buf, size_t len, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)buf, len, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=truncated", NULL)) return NULL;
    return out;
}

static inline VipsImage *lantern_vips_shrink(VipsImage *in, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(in, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    return out;
}

/* WebP without metadata (EXIF, XMP, ICC: the pixels are sRGB already). */
static inline int lantern_vips_webp(VipsImage *in, int quality, int effort, void **buf, size_t *len) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "effort", effort, "strip", TRUE, NULL);
}
