#!/bin/sh
# Install CUPS with a cups-pdf queue "PDF" and a raw queue "ZPLRAW" that writes into a file, then print the
# environment the CUPS tests need. Debian/Ubuntu, as root (CI). Usage: eval "$(.ci/setup_cups.sh)"
set -eu

RAW_DIR=/var/spool/packstation-raw
RAW_FILE="$RAW_DIR/zplraw.out"

export DEBIAN_FRONTEND=noninteractive
{
    apt-get update -q
    apt-get install -y -q --no-install-recommends cups cups-client cups-bsd printer-driver-cups-pdf
} >&2

# file:// devices are off by default; the raw queue needs one so the bytes can be compared.
if grep -q '^#*FileDevice' /etc/cups/cups-files.conf; then
    sed -i 's/^#*FileDevice.*/FileDevice Yes/' /etc/cups/cups-files.conf
else
    echo 'FileDevice Yes' >> /etc/cups/cups-files.conf
fi

mkdir -p "$RAW_DIR"
touch "$RAW_FILE"
chmod 0777 "$RAW_DIR"
chmod 0666 "$RAW_FILE"

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    if command -v service >/dev/null 2>&1 && service cups start >&2 2>&1; then
        :
    else
        cupsd >&2
    fi
fi
i=0
until lpstat -r 2>/dev/null | grep -q "is running"; do
    i=$((i + 1))
    if [ "$i" -gt 50 ]; then
        echo "cupsd did not start" >&2
        exit 1
    fi
    sleep 0.2
done

PPD=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF*.ppd 2>/dev/null | head -n 1)
if [ -n "$PPD" ]; then
    lpadmin -p PDF -v cups-pdf:/ -P "$PPD" -E >&2
else
    lpadmin -p PDF -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E >&2
fi
# CUPS 2.4 completes raw jobs to a file:// device without writing a byte when no filter runs (seen on
# Debian 12), so the raw queue uses a tiny backend that copies the job to the file instead.
BACKEND=/usr/lib/cups/backend/packstation-file
cat > "$BACKEND" <<'SH'
#!/bin/sh
# packstation-file:/path - write each job's bytes unchanged to /path (test backend for the raw queue)
if [ $# -eq 0 ]; then
    echo 'direct packstation-file "Unknown" "packstation test file"'
    exit 0
fi
out="${DEVICE_URI#packstation-file:}"
if [ $# -ge 6 ]; then cat "$6" > "$out"; else cat > "$out"; fi
SH
chmod 0755 "$BACKEND"
lpadmin -p ZPLRAW -v "packstation-file:$RAW_FILE" -m raw -E >&2 2>&1 ||
    lpadmin -p ZPLRAW -v "packstation-file:$RAW_FILE" -E >&2
cupsenable PDF ZPLRAW >&2
cupsaccept PDF ZPLRAW >&2

echo "export PACKSTATION_CUPS_PDF_QUEUE=PDF"
echo "export PACKSTATION_CUPS_RAW_QUEUE=ZPLRAW"
echo "export PACKSTATION_CUPS_RAW_FILE=$RAW_FILE"
