// Tables of the ebooks capability.
export {};
