#ifndef NIANBAO_CPOPPLER_SHIM_H
#define NIANBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>
#include <dlfcn.h>

/* GLib macros do not import into Swift; wrap the few we need. */
static inline void nianbao_g_object_unref(void *object) { if (object) g_object_unref(object); }
static inline void nianbao_g_free(void *memory) { g_free(memory); }
static inline void nianbao_g_error_free(GError *error) { if (error) g_error_free(error); }

/* POPPLER_ERROR is a macro around a function call. */
static inline GQuark nianbao_poppler_error_quark(void) { return poppler_error_quark(); }

/* Opens a password-protected document from memory. poppler_document_new_from_bytes, _from_data and _from_file
 * crash in poppler 22.12 when the password is wrong (their retry with the UTF-8 password reuses a freed
 * stream); _from_stream fails cleanly. GIO is loaded with poppler-glib but not on the link line, so the
 * memory stream constructor is looked up at run time. Returns NULL with *error unset if GIO is missing. */
static inline PopplerDocument *nianbao_document_new_with_password(const void *data, gsize length,
                                                                  const char *password, GError **error) {
    typedef GInputStream *(*NewMemoryStream)(GBytes *);
    NewMemoryStream new_stream = (NewMemoryStream)dlsym(RTLD_DEFAULT, "g_memory_input_stream_new_from_bytes");
    if (!new_stream) return NULL;
    GBytes *bytes = g_bytes_new(data, length);
    GInputStream *stream = new_stream(bytes);
    g_bytes_unref(bytes);
    PopplerDocument *document = poppler_document_new_from_stream(stream, (goffset)length, password, NULL, error);
    g_object_unref(stream);
    return document;
}

/* Walks a GList of PopplerTextAttributes without exposing GList casts to Swift. */
static inline PopplerTextAttributes *nianbao_text_attributes_at(GList *node) {
    return node ? (PopplerTextAttributes *)node->data : NULL;
}
static inline GList *nianbao_list_next(GList *node) { return node ? node->next : NULL; }
#endif
