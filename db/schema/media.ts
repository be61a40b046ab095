// Tables of the media capability.
export {};
