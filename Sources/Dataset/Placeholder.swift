import NianbaoModel
import GRDB
