/*
 * yaml-parse: libyaml's own parse time, the baseline for bench/run.
 *
 * Usage: yaml-parse PATH...
 *
 * PATH is a YAML file or a folder searched recursively for *.yaml and *.yml,
 * the same files `minisolve lint` would pick up. Each file is read whole into
 * memory (as minisolve does) and pulled through libyaml's event API with
 * yaml_parser_parse until the stream ends. No tree is built; events are
 * counted and freed. Prints "N files, M events" to stderr and exits 0, or
 * names the first file libyaml rejects and exits 1.
 */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

static long file_count;
static long event_count;
static int failed;

/* Reads the whole file at path; returns NULL on failure. */
static unsigned char *read_file(const char *path, size_t *size) {
  FILE *file = fopen(path, "rb");
  if (file == NULL) return NULL;

  struct stat info;
  if (fstat(fileno(file), &info) != 0) {
    fclose(file);
    return NULL;
  }

  unsigned char *bytes = malloc((size_t)info.st_size + 1);
  if (bytes == NULL) {
    fclose(file);
    return NULL;
  }
  *size = fread(bytes, 1, (size_t)info.st_size, file);
  fclose(file);
  return bytes;
}

/* Parses one file to the end of its stream; returns 0 on success. */
static int parse_file(const char *path) {
  size_t size = 0;
  unsigned char *bytes = read_file(path, &size);
  if (bytes == NULL) {
    fprintf(stderr, "yaml-parse: cannot read %s\n", path);
    return 1;
  }

  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    fprintf(stderr, "yaml-parse: cannot initialise libyaml\n");
    free(bytes);
    return 1;
  }
  yaml_parser_set_input_string(&parser, bytes, size);

  int status = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s:%zu:%zu: error: %s\n", path, parser.problem_mark.line + 1,
              parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
      status = 1;
      break;
    }
    event_count++;
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }

  yaml_parser_delete(&parser);
  free(bytes);
  file_count++;
  return status;
}

static int has_yaml_suffix(const char *path) {
  size_t length = strlen(path);
  return (length >= 5 && strcmp(path + length - 5, ".yaml") == 0) ||
         (length >= 4 && strcmp(path + length - 4, ".yml") == 0);
}

static int visit(const char *path, const struct stat *info, int kind, struct FTW *where) {
  (void)info;
  (void)where;
  if (kind == FTW_F && has_yaml_suffix(path) && parse_file(path) != 0) failed = 1;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: yaml-parse PATH...\n");
    return 64;
  }

  for (int index = 1; index < argc; index++) {
    struct stat info;
    if (stat(argv[index], &info) != 0) {
      fprintf(stderr, "yaml-parse: no such file or folder: %s\n", argv[index]);
      return 1;
    }
    if (S_ISDIR(info.st_mode)) {
      if (nftw(argv[index], visit, 32, FTW_PHYS) != 0) failed = 1;
    } else if (parse_file(argv[index]) != 0) {
      failed = 1;
    }
  }

  fprintf(stderr, "%ld files, %ld events\n", file_count, event_count);
  return failed;
}
