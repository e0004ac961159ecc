/** Every Chinese text storage shows a user, in one place. */

/** Chinese texts of the data folder. */
export const storageMessages = {
  dataFolderUnusable: (folder: string) =>
    `数据文件夹“${folder}”无法使用：它不是一个文件夹，或者没有写入权限。请用 --data（或 LVZHI_DATA_DIR）指定一个可写的文件夹。`,
  notOurDatabase: (file: string) =>
    `“${file}”不是履职助手的数据库（文件已损坏或是别的文件）。请检查 --data 指定的文件夹，数据库没有被改动。`,
} as const;
