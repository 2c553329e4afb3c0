// An S3-compatible server for the evidence tests, in a child process of the test: tells its parent the
// port it listens on, and stops when killed.
const S3rver = require('s3rver');

new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: process.argv[2] }).run().then(({ port }) => process.send({ port }));
