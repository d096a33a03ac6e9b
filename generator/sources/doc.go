// Package sources opens the source trees (content/, layouts/, static/) for
// the build and the development server, under the same rules for both.
//
// It takes a tree's directory and the project's, and gives an fs.FS that
//   - follows a symbolic link only when it resolves inside the project (the
//     directory that holds the trees): a link to /etc/passwd or /dev/zero
//     is an error naming it;
//   - refuses anything but regular files and directories (named pipes,
//     devices, sockets) with the file named, before opening it, so that
//     nothing blocks;
//   - stops reading a file at a size limit, while it is read;
//   - leaves out editors' leftovers (Ignored): they are neither listed nor
//     opened, and the watcher does not react to them.
package sources
