// OpenCC's C API converts but cannot list a dictionary; its C++ API can. This file is the only C++ in the
// package and exposes one C function, so that Swift needs no C++ interoperability.
#include "opencc_keys.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>

extern "C" char *nianbao_opencc_keys(const char *configuration, size_t *length) {
    try {
        opencc::Config config;
        opencc::ConverterPtr converter = config.NewFromFile(configuration);
        std::string keys;
        for (const opencc::ConversionPtr &conversion : converter->GetConversionChain()->GetConversions()) {
            // A group's lexicon holds the entries of all its dictionaries.
            opencc::LexiconPtr lexicon = conversion->GetDict()->GetLexicon();
            for (const auto &entry : *lexicon) {
                std::string key = entry->Key();
                bool changes = entry->GetDefault() != key;
                // One UTF-8 character: a lead byte and continuation bytes only.
                bool oneCharacter = !key.empty() && std::all_of(key.begin() + 1, key.end(), [](char c) {
                    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
                });
                if (!changes && !oneCharacter) continue;
                keys += changes ? '>' : '=';
                keys += key;
                keys += '\n';
            }
        }
        char *buffer = static_cast<char *>(std::malloc(keys.size() + 1));
        if (buffer == nullptr) return nullptr;
        std::memcpy(buffer, keys.data(), keys.size());
        buffer[keys.size()] = '\0';
        *length = keys.size();
        return buffer;
    } catch (...) {
        return nullptr;
    }
}

extern "C" void nianbao_opencc_keys_free(char *keys) { std::free(keys); }
