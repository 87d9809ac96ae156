import NianbaoModel
import CPCRE2
import Yams
