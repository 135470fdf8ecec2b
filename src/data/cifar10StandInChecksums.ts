/**
 * SHA-256 of each batch file of the CIFAR-10 JPEG-q75 stand-in (`../shared/datasets/cifar-10-jpeg75/
 * cifar-10-batches-bin`, computed with `sha256sum` from that folder; they equal its SHA256SUMS).
 * Data whose six files have exactly these checksums are the stand-in wherever they lie.
 *
 * @example CIFAR10_STAND_IN_SHA256['test_batch.bin'] // 'c39881f9…01778'
 */
export const CIFAR10_STAND_IN_SHA256: Readonly<Record<string, string>> = {
  'data_batch_1.bin': '4dda253c0db6d218208b233cfa3338e35960d54be28e1036a05e7e4fadeff6d8',
  'data_batch_2.bin': '329b2ab771a5c6cd6fcd6460c8b861de5bc8402c9787f26a682bed4e0272026e',
  'data_batch_3.bin': '27fb5590710bba986eb6dd162f94f75a658b6d1d3e3d0a9590f8b24ce8740550',
  'data_batch_4.bin': '596f71aab0fbc44b2ad053eae3343bf55af6f6594dcb818196a867d76f07242d',
  'data_batch_5.bin': '8b2fca7f577e8965dbf2201d57f308745d4c1a7d807cfe8e03df863191a9c00a',
  'test_batch.bin': 'c39881f9f16db6aa29611073c5ca46bca51df3c0c8ff2436b85cb540b7601778',
};
