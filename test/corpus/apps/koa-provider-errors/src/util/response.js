export default {
  ok: (data) => ({ success: true, data }),
  error: (data) => ({ success: false, data }),
  failed: (status) => ({ success: false, status }),
};
