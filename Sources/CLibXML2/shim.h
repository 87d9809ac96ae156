#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's headers pull in ICU, whose UErrorCode clashes with Foundation's (platform-notes.md). */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a mutable global that Swift 6 rejects; call it through this wrapper. */
static inline void nianbao_xml_free(void *memory) { xmlFree(memory); }
#endif
